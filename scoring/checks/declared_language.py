"""declared-language: the language a page declares is the language its text is in.

Page scope, because the declaration is per page (each page's <html lang>) and so are the mistakes: a
template that declares one language on every page fails them all, but the common case on bilingual
sites is partial — the English posts under a German template, the untranslated pages of a language
folder — and the report lists exactly the pages to fix, each with its declaration and its text.

Rules: a page is judged when it declares a language (`PageRecord.declared_language`: <html lang>, the
Content-Language meta, else a single-language HTTP Content-Language header) and its text's language is
known with at least JUDGED_CONFIDENCE (spiders.language; pages too short or too mixed to tell are not
judged). Same primary language -> pass (regions and script subtags are not compared; codes the model
cannot tell apart count as one); another language -> fail, unless the declared language still holds
MIXED_SHARE of the prose (`PageRecord.language_shares`): a German article quoting a long English
changelog is a page in two languages, whose fix is marking the quoted part, not changing <html lang>
— it is not judged.
"""

from __future__ import annotations

from scoring.core.records import PageRecord
from scoring.core.results import Evidence, PageOutcome
from scoring.core.text import excerpt
from scoring.registry import Check, register
from scoring.site import SiteData

# the detection's probability from which a page is judged: a finding must be sure of the text's language
JUDGED_CONFIDENCE = 0.9
# the share of the prose in the declared language from which a page counts as written in two languages
MIXED_SHARE = 0.2
# codes that name one language (ISO 639-2 and legacy codes as some CMS write them), and the languages the
# model cannot tell apart reliably (Norwegian Bokmål/Nynorsk, the Serbo-Croatian standards, Malay/Indonesian)
SAME_LANGUAGE = {
    "deu": "de", "ger": "de", "eng": "en", "fra": "fr", "fre": "fr", "ita": "it", "spa": "es", "nld": "nl",
    "dut": "nl", "por": "pt", "pol": "pl", "rus": "ru", "iw": "he", "in": "id", "ji": "yi", "jw": "jv", "mo": "ro",
    "nb": "no", "nn": "no", "hr": "sh", "sr": "sh", "bs": "sh", "ms": "id", "yue": "zh", "wuu": "zh",
}  # fmt: skip


def same_language(declared: str, detected: str) -> bool:
    """Whether two primary subtags name the same language (aliases and inseparable pairs folded)."""
    return SAME_LANGUAGE.get(declared, declared) == SAME_LANGUAGE.get(detected, detected)


def declared_share(page: PageRecord, declared: str) -> float:
    """The share of the page's prose in the declared language (codes naming one language summed)."""
    return sum(share for code, share in page.language_shares.items() if same_language(declared, code))


def text_sample(page: PageRecord, chars: int = 200) -> str:
    """The start of the page's prose (lines of several words), the text the detection read."""
    lines = [line.strip() for line in page.main_text.splitlines() if len(line.split()) >= 6]
    return excerpt(" ".join(lines) or page.main_text, chars)


@register
class DeclaredLanguage(Check):
    id = "declared-language"
    title = "Pages declare the language their text is in"
    failure_title = "Pages declare a language their text is not in"
    description = (
        "The lang attribute (or Content-Language) tells browsers, screen readers and search engines "
        "which language a page is in: screen readers pick their voice and pronunciation by it, Bing "
        "reads it as a language and location signal — and Bing's index feeds ChatGPT search and "
        "Copilot — while Google reads the visible text and ignores the attribute. A German page "
        'declaring lang="en" is read aloud with English pronunciation and sends engines two '
        "contradicting signals about whom it is for. Sources: W3C WCAG 2.2, Success Criterion 3.1.1 "
        "'Language of Page' (Level A); W3C Internationalization, 'Declaring language in HTML'; Bing "
        "Webmaster Blog, 'How To Tell Bing Your Website's Country and Language' (2011); Google "
        "Search Central, 'Managing multi-regional and multilingual sites'."
    )
    category = "technical"
    weight = 1
    effort = "low"
    remedy = (
        "Set <html lang> to the language of each page's text (usually one setting in the CMS or its "
        "language plugin; a page in another language than the site gets its own)."
    )
    rule = (
        "the language detected in each page's text (py3langid, spiders/language.py) against the one it "
        "declares (<html lang>, the Content-Language meta, else a single-language Content-Language "
        f"header); judged where the detection is at least {JUDGED_CONFIDENCE:.0%} sure and the page declares "
        "a language: the same primary language passes (regions such as de-CH are not compared), another "
        "fails. Pages too short or too mixed to tell, pages whose prose is still a fifth or more in the declared "
        "language (a page in two languages: mark the other part with its own lang), and pages declaring "
        "nothing are not judged."
    )
    scope = "page"
    requires = ("html",)
    messages = {
        "matches": "declares “{declared}”, the text is in “{detected}”",
        "mismatch": "declares “{declared}”, but the text is in “{detected}” ({percent} % sure)",
        "note": "the text reads as “{detected}” ({percent} % sure), not as the declared “{declared}”",
        "header": "Content-Language header: {value}",
    }

    def applies_to(self, page: PageRecord, site: SiteData) -> bool:
        declared = page.declared_language
        return (
            page.ok
            and declared is not None
            and page.language is not None
            and (page.language_confidence or 0.0) >= JUDGED_CONFIDENCE
            and (same_language(declared, page.language) or declared_share(page, declared) < MIXED_SHARE)
        )

    def evaluate_page(self, page: PageRecord, site: SiteData) -> PageOutcome:
        declared, detected = page.declared_language or "", page.language or ""
        if same_language(declared, detected):
            reason = self.msg("matches", declared=declared, detected=detected)
            return PageOutcome(url=page.url, state="pass", reason=reason)
        percent = int(100 * (page.language_confidence or 0.0))  # floor: 0.999 is "99 % sure", never "100 %"
        element = page.lang_markup if page.lang else None
        if element is None and not page.lang and page.content_language:
            element = self.msg("header", value=page.content_language)
        return PageOutcome(
            url=page.url,
            state="fail",
            reason=self.msg("mismatch", declared=declared, detected=detected, percent=percent),
            evidence=[
                Evidence(
                    url=page.url,
                    element=element or f'<html lang="{declared}">',
                    excerpt=text_sample(page),
                    note=self.msg("note", declared=declared, detected=detected, percent=percent),
                )
            ],
        )
