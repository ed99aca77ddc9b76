"""The result is stored in pieces (issue 19, eighth stop): the UTF-8 of `model_dump_json()` in SQLite (a BLOB),
without the whole text in memory while it is saved (it was the high-water of a large audit's last minute)."""

from __future__ import annotations

import gc
import sqlite3
import tracemalloc
from pathlib import Path

import pytest

from auditor.store import Store, result_text
from auditor.store.result_text import result_json_pieces
from scoring.core.messages import Message
from scoring.core.results import (
    ArticleBrief,
    AuditResult,
    CheckResult,
    Cluster,
    Evidence,
    PageOutcome,
    PageSignals,
    PageSummary,
    SiteInsights,
)

SITE = "https://www.beispiel.example/"


def _outcome(i: int) -> PageOutcome:
    url = f"{SITE}seite-{i}/"
    evidence = [
        Evidence(url=url, element="p", excerpt=f"Umsatz stieg um {i} % – „Zitat“ ✓"),
        Evidence(url=url, element=Message(id="element.missing", text="missing"), note="kein Beleg"),
    ]
    return PageOutcome(
        url=url,
        state=("pass", "fail", "warn", "not_applicable")[i % 4],
        score=None if i % 5 == 0 else (i % 7) / 7,
        reason=Message(id="reason.x", params={"n": i % 3}, text=f"{i % 3} Quellen"),
        evidence=evidence if i % 3 else [],
        page_type=("article", None, "service")[i % 3],
    )


def _result(pages: int, checks: int = 3) -> AuditResult:
    results = [
        CheckResult(
            id=f"check-{c}",
            title="Seiten nennen Quellen",
            failure_title="Ohne Quellen",
            description="Warum: ⟨Studie⟩",
            category="evidence",
            scope="page" if c else "site",
            state="fail",
            score=0.25 * c if c < 4 else None,
            weight=1.5,
            explanation=Message(id="x.y", params={"share": 0.5}, text="Hälfte"),
            details=[{"url": SITE, "n": 1.0e-7, "t": "ä"}],
            columns={"url": "url", "n": "number"},
            evidence=[Evidence(url=SITE, excerpt="\u2028 <script>")] if not c else [],
            affected_urls=[SITE],
            pages=[_outcome(i + c) for i in range(pages)] if c else [],
            gain=1 / 3,
        )
        for c in range(checks)
    ]
    summaries = [
        PageSummary(
            url=f"{SITE}seite-{i}/",
            status=200 if i % 9 else None,
            depth=i % 4,
            words=i * 13,
            title=f"Über uns {i} – „Team“",
            score=float(i % 100),
            failed_checks=["check-1"] if i % 2 else [],
            signals=PageSignals(page_type="article", authors=["Jörg Ä"], statistics=i % 5) if i % 4 else None,
            language="de" if i % 2 else None,
            language_confidence=0.87 if i % 2 else None,
        )
        for i in range(pages)
    ]
    return AuditResult(
        site=SITE,
        language="de",
        languages={"de": pages},
        settings={"url": SITE, "max_pages": 500, "nested": {"x": [1, 2.5, None, True]}},
        checks=results,
        site_score=61.25,
        pages=summaries,
        warnings=["Achtung"],
        warning_messages=[Message(id="w.x", text="Achtung")],
        timing={"score_s": 1.5},
        insights=SiteInsights(clusters=[Cluster(id=1, label="Photovoltaik · Haus", urls=[SITE])], focus_score=50.0),
        briefs=[ArticleBrief(working_title="Titel", angle="Winkel", experts=["Anna K."])],
    )


@pytest.mark.parametrize("pages", [0, 1, result_text.BATCH, result_text.BATCH * 2 + 7])
def test_the_pieces_are_the_text_pydantic_writes(pages: int) -> None:
    result = _result(pages)
    assert b"".join(result_json_pieces(result)) == result.model_dump_json().encode()


def test_the_stored_value_is_the_same_text(tmp_path: Path) -> None:
    result = _result(1200)
    with Store(tmp_path / "audits.db") as store:
        audit_id = store.create_audit(SITE, {})
        store.save_result(audit_id, _result(3))
        store.save_result(audit_id, result)  # a second save replaces the first, longer or shorter
        assert store.result(audit_id) == result
        assert store.audit(audit_id).site_score == 61.25
        store.save_result(audit_id + 1, result)  # no such audit: nothing written, no error
    with sqlite3.connect(tmp_path / "audits.db") as db:
        kind, text = db.execute("select typeof(result), result from audits where id = ?", (audit_id,)).fetchone()
        assert db.execute("select count(*) from audits").fetchone() == (1,)
        site = db.execute("select json_extract(cast(result as text), '$.site') from audits").fetchone()
    assert kind == "blob"
    assert text == result.model_dump_json().encode()
    assert site == (SITE,)


def test_saving_never_holds_the_whole_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """tracemalloc's peak while saving stays far below the text's size (before: the text as one string,
    two bytes a character here, and its UTF-8 copy)."""
    monkeypatch.setattr(result_text, "SPOOL_BYTES", 256 * 1024)
    monkeypatch.setattr(result_text, "BATCH", 100)
    result = _result(9000)
    size = len(result.model_dump_json().encode())
    assert size > 10_000_000
    with Store(tmp_path / "audits.db") as store:
        audit_id = store.create_audit(SITE, {})
        store.save_result(audit_id, _result(2))  # pydantic's serialisers built once
        gc.collect()
        tracemalloc.start()
        try:
            before = tracemalloc.get_traced_memory()[0]
            store.save_result(audit_id, result)
            peak = tracemalloc.get_traced_memory()[1] - before
        finally:
            tracemalloc.stop()
        assert peak < size / 4, f"{peak} bytes at the peak for a {size}-byte text"
        assert store.result(audit_id) == result
