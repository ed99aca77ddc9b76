"""The score stage on real-site patterns (issue 19): cluster evidence counted from the outcome columns
equals counting every outcome, and an audit reads its records from the store once for scores and briefs."""

from __future__ import annotations

from scoring import insights
from scoring.audit import score_site
from scoring.site import SiteData
from tests.synthetic_site import site_artifacts, site_embeddings, site_records

N = 60


def test_cluster_evidence_equals_counting_every_outcome() -> None:
    result = score_site(site_records(N), site_artifacts(N), embeddings=site_embeddings(N))
    by_id = {r.id: r for r in result.checks}
    site = SiteData(site_records(N), site_artifacts(N), site_embeddings(N))
    found = insights.clusters(site, by_id)
    assert found  # the synthetic site has topic clusters
    for cluster in found:
        members = set(cluster.urls)
        expected = {
            r.id: sum(1 for o in r.pages if o.state == "pass" and site.resolve(o.url) in members)
            for r in by_id.values()
            if r.category == "evidence" and r.scope == "page"
        }
        assert cluster.evidence == expected


def test_an_audit_reads_its_records_once_for_scores_and_briefs(tmp_path, monkeypatch) -> None:
    from auditor import pipeline, runner
    from auditor.store import Store

    store = Store(f"sqlite:///{tmp_path / 'audits.db'}")
    artifacts = site_artifacts(20)
    audit_id = store.create_audit(artifacts.root_url, {"url": artifacts.root_url})
    store.add_pages(audit_id, list(site_records(20)), 0)
    store.finish_crawl(audit_id, artifacts, "complete")
    reads = []
    original = runner.compact_pages

    def counted(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        reads.append(args)
        return original(*args, **kwargs)

    monkeypatch.setattr(runner, "compact_pages", counted)
    monkeypatch.setattr(pipeline, "compact_pages", counted)
    monkeypatch.setenv("GEO_AUDIT_EMBEDDER", "none")
    outcome = pipeline._after_crawl(store, audit_id, runner.ReportTarget(out_dir=tmp_path / "out"), None)
    assert outcome.result.pages and len(reads) == 1
