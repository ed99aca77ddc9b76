"""Compact records decode one group of fields at a time (issue 19, tenth stop): a site pass that reads the
links of every page decodes the links alone, never the main text, and every field reads as in the record —
spilled, in memory, pickled, with any field empty."""

from __future__ import annotations

import gc
import pickle
import random

from scoring import slim as slim_module
from scoring.core.records import PageRecord
from scoring.slim import _GROUP_OF, GROUPS, PACKED, slim
from tests.synthetic_site import site_records

N = 40


def _fresh() -> None:
    slim_module._decoded.cache_clear()
    slim_module._kept.clear()


def test_every_packed_field_is_in_one_group() -> None:
    assert set(_GROUP_OF) == PACKED
    named = [name for names in GROUPS for name in names]
    assert len(named) == len(set(named)) and set(named) <= PACKED
    assert _GROUP_OF["main_text"] != _GROUP_OF["links"] != _GROUP_OF["structured_data"]
    assert len(slim_module._CHARGE) == len(GROUPS) + 1  # each group, the rest too, has its charge when kept


def test_reading_the_links_decodes_no_main_text() -> None:
    _fresh()
    records = list(site_records(N))
    packed = [slim(r) for r in records]
    for _ in range(3):
        assert [p.links for p in packed] == [r.links for r in records]
        assert [p.structured_data for p in packed] == [r.structured_data for r in records]
    assert slim_module._decoded.cache_info().misses == 2 * len(records)  # links and the rest, once a page
    groups = {group for _, decoded, _ in slim_module._kept._entries.values() for group in decoded}
    assert groups == {_GROUP_OF["links"], _GROUP_OF["structured_data"]}
    assert [p.main_text for p in packed] == [r.main_text for r in records]
    del packed
    _fresh()
    gc.collect()
    assert slim_module._kept.used == 0


def _random_record(rng: random.Random, base: PageRecord) -> PageRecord:
    """The record with random packed fields emptied (None where the field allows it, else its empty value)."""
    values = dict(base.__dict__)
    for name in PACKED:
        value = base.__dict__[name]
        if rng.random() < 0.4:
            values[name] = type(value)() if isinstance(value, (str, list, dict)) and rng.random() < 0.5 else None
    return PageRecord.model_construct(**values)


def test_fields_read_as_the_record_spilled_in_memory_and_pickled(monkeypatch) -> None:
    rng = random.Random(19)
    records = [_random_record(rng, r) for r in site_records(N) for _ in range(3)]
    for spilled in (True, False):
        if not spilled:
            monkeypatch.setattr(slim_module, "_spill_failed", True)
        _fresh()
        packed = [slim(r) for r in records]
        assert isinstance(packed[0].__dict__["_packed"], slim_module.SpilledBlob if spilled else bytes)
        order = list(PageRecord.model_fields)
        for record, page in zip(records, packed, strict=True):
            rng.shuffle(order)  # any order of reads, any group first
            for name in order:
                assert getattr(page, name) == getattr(record, name), name
            copy = pickle.loads(pickle.dumps(page))
            assert isinstance(copy.__dict__["_packed"], bytes)
            assert copy.full() == record == page.full()
