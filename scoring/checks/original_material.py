"""original-material: articles show material only the company has — interviews, own photo galleries,
video or podcast, own data (tables of figures, charts, a methodology)."""

from __future__ import annotations

import re
from collections import Counter

from scoring.core import lexicons as lx
from scoring.core.jsonld import nested_types
from scoring.core.messages import join, listing
from scoring.core.records import PageRecord
from scoring.core.results import Evidence, PageOutcome
from scoring.registry import ArticleCheck, register
from scoring.site import SiteData

MIN_GALLERY_IMAGES = 4  # fewer images are an illustration, not a gallery
OWN_SHARE = 0.5  # at least half the gallery's images hosted on the site and described by their alt text
MIN_NAMED_TURNS = 3  # an interview: a named speaker answers at least three times ...
MIN_SPEAKER_CHANGES = 4  # ... in a back-and-forth with someone else
INTERVIEW_TITLE_RE = re.compile(r"\binterview\b|\bim gespräch\b|\bnachgefragt\b|\bq\s?&\s?a\b", re.IGNORECASE)
METHODOLOGY_RE = re.compile(
    r"\bMethodik\b|\bMethode:|\bDatengrundlage\b|\bmethodology\b|\bwe (?:surveyed|analysed|analyzed|measured)\b|"
    r"\bwir haben \w+(?: \w+){0,4} (?:befragt|ausgewertet|gemessen)\b",
    re.IGNORECASE,
)
REVIEW_TYPES = frozenset({"review", "aggregaterating"})


def is_interview(page: PageRecord) -> bool:
    """Question/answer turns in which a named speaker answers several times (FAQs have no names)."""
    turns = page.extras.interview_turns
    named = Counter(t for t in turns if t not in ("Q", "A"))
    changes = sum(1 for a, b in zip(turns, turns[1:], strict=False) if a != b)
    if not named:
        return False
    speaker, answers = named.most_common(1)[0]
    titled = bool(INTERVIEW_TITLE_RE.search(page.title or ""))
    return changes >= MIN_SPEAKER_CHANGES and (answers >= MIN_NAMED_TURNS or titled and answers >= 2)


def own_galleries(page: PageRecord) -> list:
    return [
        g
        for g in page.extras.galleries
        if g.images >= MIN_GALLERY_IMAGES
        and g.same_site >= OWN_SHARE * g.images
        and g.described >= OWN_SHARE * g.images
    ]


def has_own_data(page: PageRecord) -> bool:
    return page.extras.numeric_tables > 0 or page.extras.charts > 0 or bool(METHODOLOGY_RE.search(page.main_text))


def has_reviews(page: PageRecord) -> bool:
    return page.extras.testimonials > 0 or bool(nested_types(page.structured_data) & REVIEW_TYPES)


def page_features(page: PageRecord) -> list[str]:
    """Which kinds of original material a page shows (pure): interview, gallery, media, data,
    testimonials (the first four are messages of the check: what a passing page shows)."""
    features = []
    if is_interview(page):
        features.append("interview")
    if own_galleries(page):
        features.append("gallery")
    if any(m.kind in ("video", "audio") for m in page.media):
        features.append("media")
    if has_own_data(page):
        features.append("data")
    if has_reviews(page):
        features.append("testimonials")
    return features


def _evidence(page: PageRecord, feature: str) -> Evidence:
    """What shows a feature the check rates (interview, gallery, media, data; testimonials are the
    reviews check's)."""
    extras = page.extras
    msg = OriginalMaterial.msg
    if feature == "interview":
        speakers = sorted({t for t in extras.interview_turns if t not in ("Q", "A")})
        return Evidence(
            url=page.url,
            element=msg("element-turns"),
            excerpt=", ".join(speakers[:3]),
            note=msg("turns", turns=len(extras.interview_turns)),
        )
    if feature == "gallery":
        g = own_galleries(page)[0]
        return Evidence(
            url=page.url,
            element=g.element,
            note=msg("gallery-images", images=g.images, same_site=g.same_site, described=g.described),
        )
    if feature == "media":
        m = next(m for m in page.media if m.kind in ("video", "audio"))
        return Evidence(url=page.url, element=msg(f"element-{m.kind}"), excerpt=lx.host_of(m.src) or m.src)
    match = METHODOLOGY_RE.search(page.main_text)  # own data
    parts = [msg("tables", tables=extras.numeric_tables)] if extras.numeric_tables else []
    parts += [msg("charts", charts=extras.charts)] if extras.charts else []
    parts += [msg("methodology", phrase=match.group(0))] if match else []
    return Evidence(url=page.url, element=msg("element-data"), note=listing(parts))


@register
class OriginalMaterial(ArticleCheck):
    id = "original-material"
    title = "Articles show original material (interviews, own photos, video, own data)"
    failure_title = "Articles show no original material of their own"
    description = (
        "Answer engines favour sources that add something nobody else has: an interview with your "
        "expert, a gallery of your own project photos, a video or podcast, your own figures with a "
        "method. German KMU guidance on GEO names interviews, experts, image galleries and exclusive "
        "content as what generalist pages lack. Sources: German trade press on GEO for small and "
        "mid-sized companies; Google, 'Creating helpful, reliable, people-first content': How was it "
        "made — original research (docs/sources.md §2–3)."
    )
    category = "evidence"
    weight = 2
    effort = "high"
    remedy = "Show your own material: project photos, measured data, customer cases, your own figures."
    rule = (
        "pass: an interview (question/answer turns with a named speaker answering ≥ 3 times and ≥ 4 "
        "speaker changes; FAQs without names do not count), a gallery of own images (≥ 4 images in a "
        "gallery/carousel/lightbox container or 4+ sibling figures, at least half hosted on the site and "
        "with a descriptive alt of ≥ 3 words), an embedded video or podcast (`<video>`, `<audio>`, "
        "YouTube, Vimeo, Spotify, … iframes), or own data (a table whose cells are mostly numbers, a "
        "chart — `<canvas>`, labelled `<svg>`, chart/diagram images — or a methodology statement). fail: "
        "text only (stock galleries named in the evidence)."
    )

    messages = {
        "found": "original material: {features}",
        "interview": "interview (question and answer with a named person)",
        "gallery": "gallery of own, described photos",
        "media": "embedded video or podcast",
        "data": "own data (table of figures, chart or methodology)",
        "turns": "{turns} question/answer turns",
        "gallery-images": "{images} images, {same_site} on the site, {described} with descriptive alt text",
        "tables": "{tables} table(s) of figures",
        "charts": "{charts} chart(s)",
        "methodology": "methodology: '{phrase}'",
        "none": "no original material: text only",
        "stock-gallery": "a gallery of images hosted elsewhere or without descriptive alt text does not count",
        "text-only": "no interview, own gallery, video/podcast, table of figures, chart or methodology",
        "element-turns": "Q/A paragraphs",
        "element-video": "video embed",
        "element-audio": "audio embed",
        "element-data": "table/chart/methodology",
        "element-main-content": "main content",
    }

    def evaluate_page(self, page: PageRecord, site: SiteData) -> PageOutcome:
        features = [f for f in page_features(page) if f != "testimonials"]
        if features:
            return PageOutcome(
                url=page.url,
                state="pass",
                reason=self.msg("found", features=join([self.msg(f) for f in features])),
                evidence=[_evidence(page, f) for f in features],
            )
        stock = [g for g in page.extras.galleries if g.images >= MIN_GALLERY_IMAGES]
        note = self.msg("stock-gallery") if stock else self.msg("text-only")
        where = stock[0].element if stock else self.msg("element-main-content")
        return PageOutcome(
            url=page.url,
            state="fail",
            reason=self.msg("none"),
            evidence=[Evidence(url=page.url, element=where, note=note)],
        )
