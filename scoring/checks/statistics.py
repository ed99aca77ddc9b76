"""statistics: articles give concrete figures, and say where they come from."""

from __future__ import annotations

import re
from dataclasses import dataclass

from scoring import lexicons as lx
from scoring.pagetypes import classify
from scoring.records import PageRecord
from scoring.registry import ArticleCheck, register
from scoring.results import Evidence, PageOutcome
from scoring.site import SiteData
from scoring.text import excerpt, split_sentences

MIN_STATISTICS = 3
MAX_EVIDENCE = 3
MIN_ANCHOR_CHARS = 3  # an external link's anchor inside the sentence names the source
# A year-like number ("2024 Haushalte" in "seit 2024 Haushalte ...") is a date unless money or percent.
_DIGIT = re.compile(r"\d")
YEAR_UNITS = re.compile(r"%|Prozent|percent|Euro|EUR|€|\$|£|USD|CHF", re.IGNORECASE)


@dataclass(frozen=True)
class StatSentence:
    sentence: str
    figures: tuple[str, ...]
    source: str | None  # the marker or link anchor that names the source, None when unsourced


def _blank(text: str, start: int, end: int) -> str:
    return text[:start] + " " * (end - start) + text[end:]


def _is_price(cleaned: str, match: re.Match[str]) -> bool:
    """An offer price ("ab 4.990 €", "from £450", "89 Euro zzgl. MwSt."), not a statistic."""
    currency = match.group("currency") or (match.group("strong") and lx.CURRENCY_UNIT_RE.match(match.group("strong")))
    if not currency:
        return False
    before = cleaned[max(0, match.start() - 30) : match.start()]
    return bool(lx.PRICE_BEFORE_RE.search(before) or lx.PRICE_AFTER_RE.match(cleaned[match.end() : match.end() + 30]))


def figures_in(sentence: str) -> list[str]:
    """The statistics in one sentence: numbers with a unit, percent, currency or quantity word, and
    numbers with decimals or thousands separators. Phone numbers, dates, times, section signs and
    offer prices are left out."""
    if not _DIGIT.search(sentence):
        return []
    cleaned = lx.NOT_STATISTIC_RE.sub(lambda m: " " * len(m.group(0)), sentence)
    spans = []
    for match in lx.STATISTIC_RE.finditer(cleaned):
        number = match.group("num") or match.group("cnum")
        if lx.YEAR_RE.fullmatch(number) and not YEAR_UNITS.search(match.group(0)):
            continue
        if _is_price(cleaned, match):
            cleaned = _blank(cleaned, match.start(), match.end())
            continue
        spans.append((match.start(), match.end()))
    for start, _ in list(spans):  # "zwischen 180 und 300 Euro": 180 is a figure too
        match = lx.RANGE_START_RE.search(cleaned[max(0, start - 30) : start])
        if match:
            offset = max(0, start - 30)
            spans.append((offset + match.start(1), offset + match.end(1)))
    masked = cleaned
    for start, end in spans:
        masked = _blank(masked, start, end)
    spans += [(m.start(), m.end()) for m in lx.BARE_FIGURE_RE.finditer(masked)]
    return [" ".join(sentence[start:end].split()) for start, end in sorted(spans)]


def _source_in(sentence: str, anchors: list[str]) -> str | None:
    match = lx.SOURCE_RE.search(sentence)
    if match:
        return match.group(0)
    lowered = sentence.casefold()
    return next((a for a in anchors if a.casefold() in lowered), None)


def find_statistics(page: PageRecord) -> list[StatSentence]:
    """Sentences with figures; sourced when the sentence names a source (a marker such as "laut",
    "Studie", "according to", own-data wording, or an external link's anchor), when a neighbouring
    sentence of the same paragraph does (the one before), or when a "Quelle:/Source:" line follows or
    precedes it."""
    anchors = [
        " ".join(link.anchor.split())
        for link in page.links
        if not link.internal and len(link.anchor.strip()) >= MIN_ANCHOR_CHARS
    ]
    found = []
    paragraphs = [split_sentences(p) for p in page.main_text.split("\n")]
    for p_index, sentences in enumerate(paragraphs):
        for i, sentence in enumerate(sentences):
            figures = figures_in(sentence)
            if not figures:
                continue
            source = _source_in(sentence, anchors)
            if source is None and i > 0:  # "Laut Studie X ... . Demnach ...": the source comes first
                match = lx.SOURCE_RE.search(sentences[i - 1])
                source = match.group(0) if match else None
            for other in (p_index - 1, p_index + 1):
                if source is None and 0 <= other < len(paragraphs) and paragraphs[other]:
                    line = paragraphs[other][0]
                    source = line if lx.SOURCE_LINE_RE.match(line) else None
            found.append(StatSentence(sentence, tuple(figures), source))
    return found


NOT_EDITORIAL = ("legal", "contact")  # retention periods and opening hours are terms, not statistics


def page_statistics(page: PageRecord) -> list[StatSentence]:
    """`find_statistics`, except on legal and contact pages, whose numbers are terms, not evidence."""
    return [] if classify(page).kind in NOT_EDITORIAL else find_statistics(page)


@register
class Statistics(ArticleCheck):
    id = "statistics"
    title = "Articles back their claims with sourced figures"
    failure_title = "Articles lack figures with a named source"
    description = (
        "Concrete, quantitative facts were the second strongest method in the GEO study: +30.6 % "
        "visibility in generative-engine answers; pages cited by answer engines carry numbers far "
        "more often. A figure counts most when the sentence says where it comes from (a study, an "
        "authority, your own measurements) — never an invented one. Source: Aggarwal et al., "
        "'GEO: Generative Engine Optimization', KDD 2024."
    )
    category = "evidence"

    def evaluate_page(self, page: PageRecord, site: SiteData) -> PageOutcome:
        found = page_statistics(page)
        count = sum(len(s.figures) for s in found)
        sourced = sum(len(s.figures) for s in found if s.source)
        if not found:
            return PageOutcome(
                url=page.url,
                state="fail",
                reason="no figures (number with unit, percent or amount)",
                evidence=[Evidence(url=page.url, element="main text", note="no statistic found")],
            )
        ranked = sorted(found, key=lambda s: s.source is None)[:MAX_EVIDENCE]
        unsourced = [s for s in found if s.source is None]
        if unsourced and unsourced[0] not in ranked:  # a figure without a source is a finding: always show one
            ranked[-1] = unsourced[0]
        evidence = [
            Evidence(
                url=page.url,
                element="statistic",
                excerpt=excerpt(s.sentence, 200),
                note=(f"source: {s.source}" if s.source else "no source named") + f"; figures: {', '.join(s.figures)}",
            )
            for s in ranked
        ]
        reason = f"{count} statistic(s), {sourced} sourced"
        if count > sourced:
            reason += f"; {count - sourced} without a named source (readers and engines cannot check them)"
        if count >= MIN_STATISTICS and sourced:
            return PageOutcome(url=page.url, state="pass", reason=reason, evidence=evidence)
        problem = "none with a named source" if not sourced else f"fewer than {MIN_STATISTICS}"
        return PageOutcome(url=page.url, state="warn", reason=f"{reason}: {problem}", evidence=evidence)
