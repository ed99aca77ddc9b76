"""Brief quality on the real corpus (issue 17), per site: share of briefs on editorial clusters, label
readability, grounding (named experts, pages and questions that exist on the site), language purity.

    python bench/briefs_bench.py --db /tmp/briefs/audits.db [--ids 3 5] [--llm local --llm-sites 1]

    python bench/briefs_bench.py --db STORE --relabel --show-labels --show-briefs   # today's labeller; read them

The store holds scored audits of the sites in bench/realworld/sites.tsv, as bench/realworld.py writes them
(each site named by the host it was audited as, `--as-host`). Deterministic briefs for every site; with
`--llm local` the small embedded model on at most two sites (slow on a loaded machine). `--relabel` labels
the stored clusters with today's scoring/labels.py without re-scoring (`geo-audit rescore` on a copy of
the store gives the exact figure). Nothing from the sites is written anywhere but stdout and stderr.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

from auditor.llm import LLMConfig, suggest_briefs
from auditor.llm.grounding import faq_questions
from auditor.llm.language import agreement_slips, english_words, vocabulary
from auditor.store import Store

SITES = Path(__file__).parent / "realworld" / "sites.tsv"
# Not editorial, judged on the page (type from the audit, URL, robots): the segments no brief may target.
_SEGMENT = re.compile(
    r"/(help|hilfe|support|docs?|documentation|changelog|release-?notes?|releases?|impressum|imprint|datenschutz|"
    r"privacy|legal|agb|terms|tags?|category|categories|kategorie|archiv|archive)(/|$)",
    re.I,
)
_NON_EDITORIAL_TYPES = {"help", "changelog", "legal", "listing"}


def site_names() -> list[str]:
    rows = [line.split("\t") for line in SITES.read_text(encoding="utf-8").splitlines() if line and line[0] != "#"]
    return [row[0] for row in rows]


def site_hosts() -> dict[str, str]:
    """Production host -> site name: a store written in another order still names its sites right."""
    rows = [line.split("\t") for line in SITES.read_text(encoding="utf-8").splitlines() if line and line[0] != "#"]
    return {row[4].split()[0].lower(): row[0] for row in rows if len(row) > 4}


# A name as written: inner capital, digit or hyphen ("WordPress", "CSGO-Stats", "Erste-Hilfe-Kurs").
_NAME_LIKE = re.compile(r"[^\W\d_][A-Z\u00c4\u00d6\u00dc]|\d|[^\W_]-[^\W_]|^[A-Z]{2,}$")
# a word inside a sentence, not a domain ("nokia.com" is no lower-case use of the name "Nokia")
_SENTENCE_WORD = re.compile(r"(?<=[a-zäöüß,;] )([A-Za-zÄÖÜäöüß]{3,})\b(?!\.\w)")
GERMAN_COMPOUND = 10  # letters: "Verhaltensberatung", "Ladeinfrastruktur"; "Betrieb", "Anleitung" are not


def _easy_words() -> frozenset[str]:
    """The Dale-Chall list of common English words, as shipped with textstat (a core dependency): a word
    on it ("happy", "exchange", "values") is no topic's name on its own. Independent of scoring.labels."""
    import textstat

    path = Path(textstat.__file__).parent / "resources" / "en" / "easy_words.txt"
    return frozenset(path.read_text(encoding="utf-8").split()) if path.exists() else frozenset()


EASY_WORDS = _easy_words()


def _lower_case_words(records: list) -> set[str]:
    """Words the site's running text writes in lower case inside a sentence more often than capitalised: verbs,
    adjectives and (English) common nouns ("wählen", "klassisch", "widget"); a German noun or a proper name
    never is ("Opera" in a sentence, though a user-agent string says "opera")."""
    lower: Counter = Counter()
    upper: Counter = Counter()
    for page in records:
        for word in _SENTENCE_WORD.findall(page.main_text or ""):
            (lower if word[:1].islower() else upper)[word.lower()] += 1
    return {w for w, n in lower.items() if n > upper[w]}


def _inflections(key: str) -> set[str]:
    """The word and its stem without a plural or -ing/-ed ending ("values" -> "value", "bookings" -> "book")."""
    forms = {key}
    for suffix, add in (("s", ""), ("es", ""), ("ings", ""), ("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e")):
        if key.endswith(suffix) and len(key) - len(suffix) >= 3:
            forms.add(key[: -len(suffix)] + add)
    return forms


def readable(label: str, language: str, lower: set[str]) -> bool:
    """A label a person would search for (issue 17): a phrase of two or more words, or one specific word —
    a name as written, a German compound, an English proper name; never a lone verb, adjective or generic
    noun ("Wählen", "Betrieb", "Happy", "Widget")."""
    words = label.split()
    if len(words) >= 2:
        # a headline fragment ending in a participle is no name ("Ad Banned", "Mobile Ajax post answered")
        return not (language == "en" and words[-1].lower().endswith("ed") and words[-1].lower() in lower)
    word = words[0]
    if _NAME_LIKE.search(word):
        return True
    if word.lower() in lower:
        return False
    if language == "de":  # a noun the site never writes in lower case: a topic noun ("Beifang", "Venedig")
        return len(word) >= GERMAN_COMPOUND or word[:1].isupper()
    return not (_inflections(word.lower()) & EASY_WORDS)


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def relabel(result, records: list):  # noqa: ANN001, ANN201 - AuditResult
    """The stored clusters labelled again with today's scoring/labels.py, without re-scoring: the members'
    label texts, the site's phrase frequencies and template lines per language group as scoring.clusters
    computes them (topic pages only; a site above the clustering sample uses all its topic pages)."""
    from scoring.clusters import label_text, page_key, topic_pages
    from scoring.labels import phrase_frequency, ranked_labels, template_lines, unique_labels
    from scoring.translations import language_groups, page_language

    clusters = list(result.insights.clusters)
    labels = {c.id: c.label for c in clusters}
    for language, pages in language_groups(topic_pages(records)).items():
        texts = {page_key(p): label_text(p) for p in pages}
        spoken = language or next(iter(Counter(filter(None, map(page_language, pages))).most_common(1)), (None,))[0]
        template = template_lines(texts)
        df = phrase_frequency(texts, template)
        mine = [c for c in clusters if sum(u in texts for u in c.urls) * 2 > len(c.urls)]
        ranked = [
            ranked_labels([texts.get(u, "") for u in c.urls], df, max(1, len(texts)), template, spoken) for c in mine
        ]
        for cluster, label in zip(mine, unique_labels(ranked), strict=True):
            labels[cluster.id] = f"{label} ({language})" if language else label
    new = [c.model_copy(update={"label": labels[c.id]}) for c in clusters]
    return result.model_copy(update={"insights": result.insights.model_copy(update={"clusters": new})})


def measure(
    store: Store,
    audit_id: int,
    llm: LLMConfig | None,
    max_briefs: int = 5,
    again: bool = False,
    show: bool = False,
    read: bool = False,
) -> dict:
    result = store.result(audit_id)
    records = [p for p in store.iter_pages(audit_id) if p.ok]
    if again:  # labels of today's scoring/labels.py on the stored clusters
        result = relabel(result, records)
    crawled = {p.url for p in records} | {p.final_url for p in records if p.final_url}
    types = {s.url: s.page_type for s in result.pages}
    noindex = {p.url for p in records if p.robots_directives & {"noindex", "none"}}
    heads = {p.url: [p.title or "", *(h.text for h in p.headings)] for p in records}
    site_text = _norm(" ".join(" ".join(heads[p.url]) + " " + p.main_text for p in records))
    faq = {_norm(q) for p in records for q in faq_questions(p)}
    began = time.perf_counter()
    # the store's reply cache: a second run of the same model on the same site asks nothing
    outcome = suggest_briefs(result, records, llm or LLMConfig(max_briefs=max_briefs), cache=store)
    for warning in outcome.warnings:
        print(f"  {audit_id}: {warning.text[:400]}", file=sys.stderr)
    seconds = time.perf_counter() - began
    briefs = outcome.briefs
    if read:
        for brief in briefs:
            print(brief_text(brief), file=sys.stderr)

    def editorial(url: str) -> bool:
        return not (_SEGMENT.search(url) or types.get(url) in _NON_EDITORIAL_TYPES or url in noindex)

    labels = [re.sub(r"\s*\([a-z]{2}\)$", "", c.label) for c in result.insights.clusters]
    tags = [re.search(r"\(([a-z]{2})\)$", c.label) for c in result.insights.clusters]
    languages = [t.group(1) if t else (result.language or "en")[:2] for t in tags]
    members = [c.urls for c in result.insights.clusters]

    # how the site writes a word, judged on the text of the label's language: an English page's
    # "crowdfunding" says nothing about the German noun "Crowdfunding"
    spoken = {s.url: (s.language or "")[:2] for s in result.pages}
    by_language = {
        lang: _lower_case_words([p for p in records if spoken.get(p.url) in ("", lang)]) for lang in set(languages)
    }
    lower = _lower_case_words(records)

    def written(label: str, urls: list[str]) -> bool:
        return any(_norm(label) in _norm(line) for u in urls for line in heads.get(u, []))

    def section(label: str, urls: list[str]) -> bool:
        """A site section's label: its pages' own titles joined by " & " ("Pricing & Sign Up"), each written
        as a member's title. Such a cluster is no topic: no brief, and no topic label to measure."""
        parts = label.split(" & ")
        titles = {_norm(heads[u][0]) for u in urls if heads.get(u)}
        return len(parts) > 1 and all(any(_norm(part) in t for t in titles) for part in parts)

    def phrase(label: str, urls: list[str], language: str) -> bool:
        fits = "·" not in label and 1 <= len(label.split()) <= 6 and written(label, urls)
        return fits and readable(label, language, by_language.get(language, lower))

    sections = {
        c.id
        for c, label, urls in zip(result.insights.clusters, labels, members, strict=True)
        if " & " in label and section(label, urls)
    }

    if show:
        for cluster, label, urls, language in zip(result.insights.clusters, labels, members, languages, strict=True):
            verdict = "sect" if cluster.id in sections else "ok  " if phrase(label, urls, language) else "FAIL"
            print(f"  {audit_id} {verdict} {label!r} ({language}, {len(urls)} pages: {urls[0]})", file=sys.stderr)
    topics = [
        x for c, *x in zip(result.insights.clusters, labels, members, languages, strict=True) if c.id not in sections
    ]
    experts = [e for b in briefs for e in b.experts]
    urls = [u for b in briefs for u in [*b.target_urls, *b.merge_or_expand, *(x.source for x in b.internal_links)]]
    urls += [x.target for b in briefs for x in b.internal_links]
    questions = [q for b in briefs for q in b.questions]
    german = [b for b in briefs if b.language == "de"]

    def pure(brief) -> bool:  # noqa: ANN001
        allowed = vocabulary([brief.topic or "", *brief.questions, *brief.experts])
        texts = [brief.working_title, brief.angle, *(o.text for o in brief.outline), *brief.evidence_tasks]
        return not english_words(" ".join(texts), allowed) and not agreement_slips(" ".join(texts))

    share = lambda hits, total: round(hits / total, 3) if total else None  # noqa: E731 - None: nothing to measure
    return {
        "briefs": len(briefs),
        "llm": sum(b.source == "llm" for b in briefs),
        "editorial": share(sum(all(editorial(u) for u in b.target_urls) for b in briefs), len(briefs)),
        "labels_phrase": share(sum(phrase(*x) for x in topics), len(topics)),
        "sections": len(sections),
        "section_briefs": sum(b.cluster_id in sections for b in briefs),
        "labels_unique": len({_norm(c.label) for c in result.insights.clusters}) == len(labels),
        "experts_on_site": share(sum(_norm(e) in site_text for e in experts), len(experts)),
        "pages_crawled": share(sum(u in crawled for u in urls), len(urls)),
        "links_from_noindex": sum(x.source in noindex for b in briefs for x in b.internal_links),
        "questions_on_site": share(sum(_norm(q) in site_text or _norm(q) in faq for q in questions), len(questions)),
        "german_pure": share(sum(pure(b) for b in german), len(german)),
        # one sentence for every brief was the old angle: distinct sentences, with the topic, the people and
        # the figures blanked out, show whether it names each cluster's own gap
        "angle_kinds": len({_shape(b) for b in briefs}) if briefs else None,
        "seconds": round(seconds, 1),
        "llm_requests": outcome.usage.requests,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--ids", type=int, nargs="*")
    parser.add_argument("--llm", choices=["none", "local"], default="none")
    parser.add_argument("--llm-model", default=None, help="local: packaged short name (0.5b, 1.5b) or a GGUF path")
    parser.add_argument("--llm-sites", type=int, default=2, help="local model on at most this many sites (max 2)")
    parser.add_argument("--max-briefs", type=int, default=5, help="briefs per site (the local model: at most 3)")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--relabel", action="store_true", help="label the stored clusters with today's labeller")
    parser.add_argument("--show-labels", action="store_true", help="print each cluster's label and its verdict")
    parser.add_argument("--show-briefs", action="store_true", help="print each brief's text (to read them)")
    args = parser.parse_args(argv)
    names = site_names()
    hosts = site_hosts()
    rows = []
    with Store(args.db) as store:
        ids = args.ids or sorted(a.id for a in store.list_audits(10_000) if store.result(a.id) is not None)
        for n, audit_id in enumerate(ids):
            if store.result(audit_id) is None:
                print(f"error: no audit {audit_id} in {args.db}", file=sys.stderr)
                return 2
            llm = None
            if args.llm == "local" and n < min(2, args.llm_sites):
                llm = LLMConfig(backend="local", model=args.llm_model, max_briefs=min(3, args.max_briefs))
            elif args.llm == "local":
                continue
            # the audit ran on loopback as its production host (`--as-host`): the host names the site
            origin = (store.settings(audit_id).get("crawl") or {}).get("as_host") or store.result(audit_id).site
            host = (urlsplit(origin).hostname or "").lower()
            row = {"id": audit_id, "site": hosts.get(host) or (names[audit_id - 1] if audit_id <= len(names) else "?")}
            row |= measure(store, audit_id, llm, args.max_briefs, args.relabel, args.show_labels, args.show_briefs)
            rows.append(row)
            print(json.dumps(row), file=sys.stderr)
    if args.json:
        print(json.dumps(rows, indent=1))
        return 0
    cols = [k for k in rows[0] if k not in ("id",)] if rows else []
    print("| " + " | ".join(cols) + " |")
    print("|" + "---|" * len(cols))
    for row in rows:
        print("| " + " | ".join("–" if row[c] is None else str(row[c]) for c in cols) + " |")
    print("| " + " | ".join(_summary(rows, c) for c in cols) + " |")
    return 0


def brief_text(brief) -> str:  # noqa: ANN001
    """A brief as an editor reads it (plain text)."""
    lines = [
        f"### {brief.working_title}",
        f"({brief.language}, {brief.source}, topic {brief.topic!r}, "
        f"opportunity {brief.opportunity}, effort: {brief.effort})",
        "",
        brief.angle,
        "",
        "Questions:",
    ]
    lines += [f"- {q}" for q in brief.questions]
    lines += ["", "Outline:"] + [("  " if o.level == 3 else "") + f"- {o.text}" for o in brief.outline]
    lines += ["", "Evidence tasks:"] + [f"- {t}" for t in brief.evidence_tasks]
    lines += ["", "Internal links:"] + [f"- {x.source} -> {x.target} ({x.anchor!r})" for x in brief.internal_links]
    lines += ["", "Pages: " + ", ".join(brief.target_urls), ""]
    return "\n".join(lines)


def _shape(brief) -> str:  # noqa: ANN001
    text = brief.angle.replace(brief.topic or "\0", "X")
    for name in brief.experts:
        text = text.replace(name, "P")
    return re.sub(r"„[^“]*“|“[^”]*”|\d+", "N", text)


def _summary(rows: list[dict], col: str) -> str:
    """The last row: sums of counts, the mean over sites of shares (sites with nothing to measure left out)."""
    if col == "site":
        return "**all (mean of sites)**"
    values = [row[col] for row in rows if row[col] is not None]
    if not values:
        return "–"
    if isinstance(values[0], bool):
        return f"{sum(values)}/{len(values)}"
    if col in ("briefs", "llm", "links_from_noindex", "llm_requests", "seconds", "sections", "section_briefs"):
        return str(round(sum(values), 1))
    return str(round(sum(values) / len(values), 3))


if __name__ == "__main__":
    raise SystemExit(main())
