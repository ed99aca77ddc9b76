"""heading-structure: one H1, no skipped levels, and enough subheadings in long texts."""

from __future__ import annotations

from scoring.core.messages import Message, join
from scoring.core.records import Heading, PageRecord
from scoring.core.results import Evidence, PageOutcome
from scoring.core.text import excerpt, words
from scoring.registry import Check, register
from scoring.site import SiteData, is_indexable

MIN_WORDS = 150  # shorter pages are not rated
LONG_TEXT = 600  # from here on, subheadings are expected ...
WORDS_PER_SUBHEADING = 400  # ... one H2/H3 per this many words (rounded down)


def _word_total(page: PageRecord) -> int:
    return page.word_count or len(words(page.main_text))


def _label(heading: Heading) -> str:
    text = excerpt(heading.text, 60) if heading.text.strip() else "(empty)"
    return f"H{heading.level} '{text}'"


def skipped_levels(headings: list[Heading]) -> list[tuple[Heading, Heading]]:
    """Consecutive headings that go down more than one level (H2 → H4). Going up is fine."""
    return [(a, b) for a, b in zip(headings, headings[1:], strict=False) if b.level > a.level + 1]


def required_subheadings(word_count: int) -> int:
    return word_count // WORDS_PER_SUBHEADING if word_count >= LONG_TEXT else 0


@register
class HeadingStructure(Check):
    id = "heading-structure"
    title = "Pages have a clear heading structure"
    failure_title = "Heading structure is unclear"
    description = (
        "Answer engines lift passages section by section; headings tell them what each section "
        "answers. Pages need exactly one H1, no skipped levels (H2 → H4), and long texts an "
        f"H2/H3 about every {WORDS_PER_SUBHEADING} words. In a study of 18,151 pages cited by "
        "AI answers, the most-cited quartile averaged 10.6 headings against 0.85 in the least-"
        "cited; clear heading structure is one of the rules mined from answer engines. Sources: "
        "GEO Citation Lab study of 18,151 cited pages; AutoGEO (ICLR 2026); GEO-16 (arXiv 2509.10762)."
    )
    category = "depth"
    weight = 2
    effort = "low"
    remedy = "Use one H1 per page and H2/H3 subheadings that say what each section answers."
    rule = (
        "exactly one H1; no skipped levels (H2 → H4); long texts (≥ 600 words) have an H2/H3 per ~400 "
        "words (⌊words / 400⌋). No H1, or a long text without any H2/H3: fail. Several H1, a skipped "
        "level (between consecutive headings; going back up is fine) or too few subheadings: warn."
    )
    scope = "page"
    requires = ("html",)
    messages = {
        "no-h1": "No H1",
        "no-h1-note": "no H1 on the page",
        "several-h1": "{count} H1 headings",
        "h1-of": "H1 {index} of {count}",
        "skipped-level": "skipped level {before} → {after}",
        "skipped-level-first": "Skipped level {before} → {after}",
        "heading": "H{level} '{text}'",
        "heading-empty": "H{level} '(empty)'",
        "level-missing": "H{level} missing in between",
        "few-subheadings": (
            "{found} H2/H3 subheading(s) for {words} words (at least {needed} expected, one per ~{per} words)"
        ),
        "fine": "1 H1, {subheadings} H2/H3 for {words} words, no skipped levels",
    }

    def applies_to(self, page: PageRecord, site: SiteData) -> bool:
        return page.ok and is_indexable(page) and _word_total(page) >= MIN_WORDS

    def evaluate_page(self, page: PageRecord, site: SiteData) -> PageOutcome:
        headings = list(page.headings)
        count = _word_total(page)
        h1s = [h for h in headings if h.level == 1]
        subheadings = [h for h in headings if h.level in (2, 3)]
        failures: list[Message] = []
        warnings: list[Message] = []
        evidence: list[Evidence] = []

        if not h1s:
            failures.append(self.msg("no-h1"))  # always the first problem named: capitalised
            evidence.append(Evidence(url=page.url, element="h1", note=self.msg("no-h1-note")))
        elif len(h1s) > 1:
            warnings.append(self.msg("several-h1", count=len(h1s)))
            evidence.extend(
                Evidence(url=page.url, element="h1", excerpt=h.text, note=self.msg("h1-of", index=i, count=len(h1s)))
                for i, h in enumerate(h1s, 1)
            )
        for before, after in skipped_levels(headings):
            warnings.append(self.msg("skipped-level", before=self._heading(before), after=self._heading(after)))
            evidence.append(
                Evidence(
                    url=page.url,
                    element=f"h{after.level}",
                    excerpt=f"{_label(before)} → {_label(after)}",
                    note=self.msg("level-missing", level=before.level + 1),
                )
            )
        needed = required_subheadings(count)
        if needed and len(subheadings) < needed:
            problem = self.msg(
                "few-subheadings", found=len(subheadings), words=count, needed=needed, per=WORDS_PER_SUBHEADING
            )
            (failures if not subheadings else warnings).append(problem)
            evidence.append(Evidence(url=page.url, element="h2, h3", note=problem))

        if not failures and not warnings:
            return PageOutcome(
                url=page.url,
                state="pass",
                reason=self.msg("fine", subheadings=len(subheadings), words=count),
            )
        problems = failures + warnings
        if problems[0].id == f"{self.id}.skipped-level":  # the reason starts with it: capitalised
            problems[0] = self.msg("skipped-level-first", **problems[0].params)
        return PageOutcome(
            url=page.url,
            state="fail" if failures else "warn",
            reason=join(problems),
            evidence=evidence,
        )

    @classmethod
    def _heading(cls, heading: Heading) -> Message:
        """A heading named in a sentence: "H2 'Kosten'" (the text is crawled, the form is ours)."""
        if not heading.text.strip():
            return cls.msg("heading-empty", level=heading.level)
        return cls.msg("heading", level=heading.level, text=excerpt(heading.text, 60))
