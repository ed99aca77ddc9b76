"""readability: main text that readers (and answer engines) can follow."""

from __future__ import annotations

from scoring.core.messages import Message, element, join
from scoring.core.records import PageRecord
from scoring.core.results import Evidence, PageOutcome
from scoring.core.text import excerpt, words
from scoring.readability import (
    TextStats,
    ease_label,
    flesch_amstad,
    flesch_reading_ease,
    lix,
    text_stats,
    wiener_sachtextformel,
)
from scoring.registry import Check, register
from scoring.site import SiteData, is_indexable

MIN_WORDS = 200
PASS_FROM, FAIL_BELOW = 30.0, 15.0  # Flesch-Amstad (German) / Flesch Reading Ease (English)
LANGUAGES = ("de", "en")
FORMULA = {"de": "Flesch-Amstad", "en": "Flesch Reading Ease"}


def page_language(page: PageRecord, site: SiteData) -> str | None:
    lang = page.lang or site.language
    return lang.split("-")[0].lower() if lang else None


@register
class Readability(Check):
    id = "readability"
    title = "Main text is readable"
    failure_title = "Main text is hard to read"
    description = (
        "Answer engines favour sources they can lift clear statements from: in the GEO study, "
        "rewriting sources for fluency raised their visibility in generated answers by 28 % and "
        "making them easier to understand by 14 %. German text is rated with Flesch-Amstad "
        "(180 − ASL − 58.5 × ASW; ASL = words per sentence, ASW = syllables per word), English "
        "with Flesch Reading Ease (206.835 − 1.015 × ASL − 84.6 × ASW); the Wiener "
        "Sachtextformel and LIX are reported alongside. Sentences are split with an "
        "abbreviation-aware splitter ('z. B.', 'Dr.', '3. Oktober' end no sentence). "
        f"Pass from {PASS_FROM:.0f}, warning from {FAIL_BELOW:.0f}, below that fail. "
        "Source: Aggarwal et al., 'GEO: Generative Engine Optimization', KDD 2024; "
        "Amstad (1978); Flesch (1948)."
    )
    category = "depth"
    weight = 1
    effort = "medium"
    remedy = "Shorten long sentences and explain technical terms on the listed pages."
    rule = (
        "German: Flesch-Amstad (180 − ASL − 58.5 × ASW) with Wiener Sachtextformel (variant 1) and LIX "
        "in the details; English: Flesch Reading Ease (206.835 − 1.015 × ASL − 84.6 × ASW). Sentences "
        "from our abbreviation-aware splitter; syllables from Pyphen's dictionaries, with vowel-group "
        "corrections (`scoring/readability.py`; no CMU dictionary download). pass ≥ 30, warn 15–30, fail "
        "< 15 (German and English bands alike; checked on test texts: German guides by trades and tax "
        "advisers score 45–55, a dense GEG article 17, grant-notice legalese below 0)."
    )
    scope = "page"
    requires = ("html",)
    messages = {
        "no-sentences": "no sentences in the main text",
        "summary": "{formula} {ease}: sentences average {asl} words, words {asw} syllables",
        "hard": "Hard to read — {summary}. Shorter sentences and plainer words make statements easier to quote.",
        "very-hard": (
            "Very hard to read — {summary}. Shorter sentences and plainer words make statements easier to quote."
        ),
        "ease": "{formula} {ease} ({band})",
        "asl": "{asl} words per sentence",
        "asw": "{asw} syllables per word",
        "counts": "{sentences} sentences, {words} words, {syllables} syllables",
        "wiener": "Wiener Sachtextformel {value}",
        "lix": "LIX {value}",
        "sentence-words": "{words} words",
        # Flesch's bands (scoring.readability.ease_label)
        "band-very-easy": "very easy",
        "band-easy": "easy",
        "band-fairly-easy": "fairly easy",
        "band-standard": "standard",
        "band-fairly-difficult": "fairly difficult",
        "band-difficult": "difficult",
        "band-very-difficult": "very difficult",
    }

    def applies_to(self, page: PageRecord, site: SiteData) -> bool:
        if not page.ok or not is_indexable(page) or page_language(page, site) not in LANGUAGES:
            return False
        return (page.word_count or len(words(page.main_text))) >= MIN_WORDS

    def evaluate_page(self, page: PageRecord, site: SiteData) -> PageOutcome:
        lang = page_language(page, site) or "de"
        stats = text_stats(page.main_text, lang)
        if not stats.sentences:
            return PageOutcome(url=page.url, state="not_applicable", reason=self.msg("no-sentences"))
        ease = flesch_amstad(stats) if lang == "de" else flesch_reading_ease(stats)
        evidence = [
            Evidence(url=page.url, element=element("main-text"), note=self._numbers(stats, ease)),
            Evidence(
                url=page.url,
                element=element("longest-sentence"),
                excerpt=excerpt(stats.longest_sentence, 300),
                note=self.msg("sentence-words", words=stats.longest_sentence_words),
            ),
        ]
        summary = self.msg(
            "summary", formula=FORMULA[lang], ease=round(ease), asl=round(stats.asl), asw=round(stats.asw, 1)
        )
        if ease >= PASS_FROM:
            return PageOutcome(url=page.url, state="pass", reason=summary, evidence=evidence)
        state = "warn" if ease >= FAIL_BELOW else "fail"
        return PageOutcome(
            url=page.url,
            state=state,
            reason=self.msg("hard" if state == "warn" else "very-hard", summary=summary),
            evidence=evidence,
        )

    @classmethod
    def _numbers(cls, stats: TextStats, ease: float) -> Message:
        """Every figure behind the verdict, for the evidence note."""
        band = cls.msg("band-" + ease_label(ease).replace(" ", "-"))
        parts = [
            cls.msg("ease", formula=FORMULA[stats.lang], ease=round(ease, 1), band=band),
            cls.msg("asl", asl=round(stats.asl, 1)),
            cls.msg("asw", asw=round(stats.asw, 2)),
            cls.msg("counts", sentences=stats.sentences, words=stats.words, syllables=stats.syllables),
        ]
        if stats.lang == "de":
            parts.append(cls.msg("wiener", value=round(wiener_sachtextformel(stats), 1)))
        parts.append(cls.msg("lix", value=round(lix(stats), 1)))
        return join(parts)
