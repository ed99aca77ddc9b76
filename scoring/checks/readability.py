"""readability: main text that readers (and answer engines) can follow."""

from __future__ import annotations

from scoring.core.messages import Message, element, join
from scoring.core.records import PageRecord
from scoring.core.results import Evidence, PageOutcome
from scoring.core.text import excerpt, words
from scoring.pagetypes import classify
from scoring.readability import (
    TextStats,
    ease_label,
    flesch_amstad,
    flesch_reading_ease,
    lix,
    prose,
    text_stats,
    wiener_sachtextformel,
)
from scoring.registry import Check, register
from scoring.site import SiteData, is_indexable
from scoring.site import page_language as text_or_declared

MIN_WORDS = 150  # words of running prose a page needs to be rated (scoring.readability.prose)
PASS_FROM, FAIL_BELOW = 30.0, 15.0  # Flesch-Amstad (German) / Flesch Reading Ease (English)
LANGUAGES = ("de", "en")
FORMULA = {"de": "Flesch-Amstad", "en": "Flesch Reading Ease"}


def page_language(page: PageRecord, site: SiteData) -> str | None:
    """The language of the page's text, as every language-dependent step reads it (scoring.site.page_language:
    detected from the text where the crawl could tell, else declared), else the site's."""
    lang = text_or_declared(page) or site.language
    return lang.split("-")[0].split("_")[0].lower() if lang else None


@register
class Readability(Check):
    id = "readability"
    title = "Main text is readable"
    failure_title = "Main text is hard to read"
    description = (
        "Answer engines favour sources they can lift clear statements from: in the GEO study, "
        "rewriting sources for fluency raised their visibility in generated answers by 28 % and "
        "making them easier to understand by 14 %. Only running prose is read — paragraphs of whole "
        "sentences; headings, lists, tables, cards, navigation and spec lines are left out, and a page "
        f"with fewer than {MIN_WORDS} words of prose is not rated. The formula follows the language of "
        "the text: German is rated with Flesch-Amstad (180 − ASL − 58.5 × ASW; ASL = words per "
        "sentence, ASW = syllables per word), with the Wiener Sachtextformel and LIX alongside; "
        "English with Flesch Reading Ease (206.835 − 1.015 × ASL − 84.6 × ASW), with LIX alongside. "
        "Sentences are split with an abbreviation-aware splitter ('z. B.', 'Dr.', '3. Oktober' end no "
        f"sentence). Pass from {PASS_FROM:.0f}, warning from {FAIL_BELOW:.0f}, below that fail. "
        "Source: Aggarwal et al., 'GEO: Generative Engine Optimization', KDD 2024; "
        "Amstad (1978); Flesch (1948); Bamberger & Vanecek (1984); Björnsson (1968)."
    )
    category = "depth"
    weight = 1
    effort = "medium"
    remedy = "Shorten long sentences and explain technical terms on the listed pages."
    rule = (
        "Running prose only (`scoring.readability.prose`, on the main text's lines): a line that ends like "
        "a sentence and holds two sentences (15+ words) or one of 25+ words, with the one-sentence lines "
        "next to it, or a run of three one-sentence lines; never headings, lines without a sentence end "
        "(list items, table cells, card titles, navigation, buttons), list items after a colon or led by a "
        "label, lines with more than one number per five words, label: value lines, numbered references; "
        f"under {MIN_WORDS} words of prose: not applicable, with the count; legal pages are not rated. "
        "Language: the one detected from the text, else the declared one, else the site's. "
        "German: Flesch-Amstad (180 − ASL − 58.5 × "
        "ASW) with Wiener Sachtextformel (variant 1) and LIX in the details; English: Flesch Reading Ease "
        "(206.835 − 1.015 × ASL − 84.6 × ASW) with LIX. Sentences from our abbreviation-aware splitter; "
        "syllables from Pyphen's dictionaries, with vowel-group corrections (`scoring/readability.py`; no "
        "CMU dictionary download). pass ≥ 30, warn 15–30, fail < 15 (German and English bands alike; "
        "checked on test texts: German guides by trades and tax advisers score 45–55, a dense GEG article "
        "17, grant-notice legalese below 0)."
    )
    scope = "page"
    requires = ("html",)
    messages = {
        "little-prose": (
            "{words} of {total} words are running prose — too little to judge: the formulas need {minimum} "
            "(lists, tables, cards, navigation and label: value lines are not prose)"
        ),
        "prose": (
            "read {words} of {total} words: {paragraphs} {paragraphs:plural:paragraph:paragraphs} of running "
            "prose (lists, tables, cards, navigation and label: value lines left out)"
        ),
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
        if classify(page).kind == "legal":  # legal text is the lawyers' wording, not a lever of the site's writers
            return False
        # fewer words in all cannot hold enough prose; such pages are left out without a word
        return (page.word_count or len(words(page.main_text))) >= MIN_WORDS

    def evaluate_page(self, page: PageRecord, site: SiteData) -> PageOutcome:
        lang = page_language(page, site) or "de"
        text = prose(page.main_text, (h.text for h in page.headings))
        if text.words < MIN_WORDS:
            reason = self.msg("little-prose", words=text.words, total=text.total_words, minimum=MIN_WORDS)
            return PageOutcome(url=page.url, state="not_applicable", reason=reason)
        stats = text_stats(text.text, lang)
        ease = flesch_amstad(stats) if lang == "de" else flesch_reading_ease(stats)
        evidence = [
            Evidence(url=page.url, element=element("main-text"), note=self._numbers(stats, ease)),
            Evidence(
                url=page.url,
                element=element("longest-sentence"),
                excerpt=excerpt(stats.longest_sentence, 300),
                note=self.msg("sentence-words", words=stats.longest_sentence_words),
            ),
            Evidence(
                url=page.url,
                element=element("main-text"),
                note=self.msg("prose", words=text.words, total=text.total_words, paragraphs=text.paragraphs),
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
