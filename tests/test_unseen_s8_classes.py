"""Dates and statistics of the eighth stop's classes.

Own dates of profiles and listings (issue 12): a person's profile page is dated by what its head
declares (JSON-LD datePublished, article:published_time); a listing's dates — shown or declared — are its
teasers' or a build stamp, never the listing's own publication date."""

from __future__ import annotations

import pytest

from scoring.checks.statistics import page_statistics
from scoring.signals import page_signals
from tests.factories import html_page, text_page

_PROFILE = """<html lang="en"><head><title>Mara Lind — Author</title>
<meta property="article:published_time" content="2023-03-14T10:00:00+00:00">
</head><body><main><h1>Mara Lind</h1><p>Mara writes about data engineering and streaming systems for the team.</p>
<h2>Latest posts</h2><ul><li><a href="/posts/a/">Streaming joins</a>
<time datetime="2024-05-02">May 2, 2024</time></li></ul>
</main></body></html>"""

_LISTING = """<html lang="en"><head><title>Blog — page 2</title>
<script type="application/ld+json">
{"@context":"https://schema.org","@type":"CollectionPage","datePublished":"2020-12-05"}</script>
</head><body><main><h1>Blog</h1>
<article><h2><a href="/posts/a/">Streaming joins</a></h2>
<time datetime="2024-05-02">May 2, 2024</time><p>Teaser one.</p></article>
<article><h2><a href="/posts/b/">Batch windows</a></h2>
<time datetime="2024-04-11">April 11, 2024</time><p>Teaser two.</p></article>
<article><h2><a href="/posts/c/">Late data</a></h2>
<time datetime="2024-03-09">March 9, 2024</time><p>Teaser three.</p></article>
<nav><a href="/blog/">1</a> <a href="/blog/3/">3</a></nav></main></body></html>"""


def test_a_profile_is_dated_by_its_head_not_by_its_post_list():
    signals = page_signals(html_page("/authors/mara-lind/", _PROFILE, lang="en"))
    assert signals.page_type == "profile"
    assert signals.published == "2023-03-14"


def test_a_listing_has_no_date_of_its_own():
    signals = page_signals(html_page("/blog/2/", _LISTING, lang="en"))
    assert signals.page_type == "listing"
    assert signals.published is None


# -- a service's own process time told to its customer is a promise, not a measurement (held-out 12) ----------


@pytest.mark.parametrize(
    "text",
    [
        "Der Termin dauert in der Regel 30 bis 45 Minuten.",
        "Meist erhalten Sie Ihr Gutachten bereits innerhalb von 2 bis 3 Tagen.",
        "Your report usually arrives within 48 hours of the visit.",
    ],
)
def test_a_service_time_promised_to_the_reader_is_no_statistic(text):
    assert page_statistics(text_page("/leistungen/gutachten/", text)) == []


def test_an_average_duration_stays_a_statistic():
    found = page_statistics(text_page("/ratgeber/akku/", "On average, you can expect the battery to last 8 years."))
    assert [s.figures for s in found] == [("8 years",)]
